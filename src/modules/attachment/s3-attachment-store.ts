import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3StoreConfig } from '../../config.ts';
import { StoredFileMissing, storagePath, type AttachmentStore } from './attachment-store.ts';

/**
 * Evidence files in an S3-compatible bucket. Credentials come from the SDK's
 * usual sources (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles).
 * The SDK is loaded on first use, so installations without a bucket never pay for it.
 */
export function createS3AttachmentStore(config: S3StoreConfig): AttachmentStore {
  let loaded: Promise<{ client: S3Client; sdk: typeof import('@aws-sdk/client-s3'); storage: typeof import('@aws-sdk/lib-storage') }> | undefined;
  const load = () => {
    loaded ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(([sdk, storage]) => ({
      sdk,
      storage,
      client: new sdk.S3Client({
        region: config.region,
        endpoint: config.endpoint,
        // Self-hosted stores are addressed by path; virtual-host buckets need DNS they rarely have.
        forcePathStyle: config.endpoint !== undefined,
        // Checksums only where S3 requires them: many S3-compatible stores reject the newer trailing checksums.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return loaded;
  };
  const objectKey = (key: string) => `${config.prefix}${storagePath(key)}`;

  return {
    async save(key, source) {
      const { client, storage } = await load();
      // Multipart when the file is large; an upload that fails is aborted, so no partial object remains.
      const upload = new storage.Upload({ client, params: { Bucket: config.bucket, Key: objectKey(key), Body: source } });
      await upload.done();
    },

    async open(key) {
      const { client, sdk } = await load();
      const answer = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) })).catch((error: unknown) => {
        throw error instanceof sdk.NoSuchKey ? new StoredFileMissing(key) : error;
      });
      if (!(answer.Body instanceof Readable)) throw new Error(`object ${objectKey(key)} has no readable body`);
      return answer.Body;
    },

    async remove(key) {
      const { client, sdk } = await load();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },
  };
}
