import type { Config } from '../../config.ts';
import { createLocalAttachmentStore, type AttachmentStore } from './attachment-store.ts';
import { createS3AttachmentStore } from './s3-attachment-store.ts';

/** The store the settings name: the S3 bucket when one is set, else the upload directory. */
export function createConfiguredAttachmentStore(uploads: Config['uploads']): AttachmentStore {
  return uploads.s3 ? createS3AttachmentStore(uploads.s3) : createLocalAttachmentStore(uploads.dir);
}
