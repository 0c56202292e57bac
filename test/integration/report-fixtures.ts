import { crc32 } from 'node:zlib';
import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import type { Actor } from '../../src/modules/access/actor.ts';
import { organizationRepository } from '../../src/modules/organization/organization.repository.ts';
import type { TestApp } from '../setup/test-app.ts';

/** Shared set-up for the progress-report suites: the 青岛—深圳 cooperation, its sides, units, users, and tasks made for the test. */

interface Side {
  partyId: string;
  coordinator: string;
  unit: string;
  unitOrganizationId: string;
}

export interface ReportWorld {
  cooperationId: string;
  qd: Side;
  sz: Side;
  tokens: Record<'admin' | 'qd' | 'sz' | 'qdUnit' | 'szUnit' | 'leader' | 'dl', string>;
  actorOf(token: string): Promise<Actor>;
}

interface CooperationBody {
  id: string;
  parties: { id: string; regionCode: string }[];
}

export async function reportWorld(t: TestApp): Promise<ReportWorld> {
  const [admin, qd, sz, qdUnit, szUnit, leader, dl] = await Promise.all(
    ['admin', 'qd.fgw', 'sz.fgw', 'qd.kj', 'sz.kj', 'qd.leader', 'dl.fgw'].map((u) => t.login(u)),
  );
  if (!admin || !qd || !sz || !qdUnit || !szUnit || !leader || !dl) throw new Error('demo logins missing');
  const list = (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token: qd })).json<{ items: { id: string }[] }>();
  const id = list.items[0]?.id;
  if (!id) throw new Error('demo cooperation 青岛—深圳 missing');
  const cooperation = (await t.call('GET', `/api/v1/cooperations/${id}`, { token: qd })).json<CooperationBody>();
  const party = (code: string) => {
    const found = cooperation.parties.find((p) => p.regionCode === code);
    if (!found) throw new Error(`party ${code} missing`);
    return found.id;
  };
  const organization = async (regionCode: string, name: string) => {
    const found = await organizationRepository.findByName(t.services.database.db, regionCode, name);
    if (!found) throw new Error(`unit ${name} missing`);
    return found.id;
  };
  return {
    cooperationId: id,
    qd: { partyId: party('370200'), coordinator: qd, unit: qdUnit, unitOrganizationId: await organization('370200', '青岛市科学技术局') },
    sz: { partyId: party('440300'), coordinator: sz, unit: szUnit, unitOrganizationId: await organization('440300', '深圳市科技创新局') },
    tokens: { admin, qd, sz, qdUnit, szUnit, leader, dl },
    async actorOf(token) {
      const actor = await t.services.auth.authenticate(token);
      if (!actor) throw new Error('token does not authenticate');
      return actor;
    },
  };
}

export interface TestTask {
  id: string;
  milestoneIds: string[];
}

/** A task made through the task service: joint with a lead unit on each side, or one-sided for 青岛. */
export async function makeTask(t: TestApp, world: ReportWorld, title: string, shape: 'joint' | 'qingdao-only', milestones = ['签约', '投产']): Promise<TestTask> {
  const actor = await world.actorOf(world.tokens.qd);
  const units =
    shape === 'joint'
      ? [
          { partyId: world.qd.partyId, organizationId: world.qd.unitOrganizationId, role: 'lead' as const },
          { partyId: world.sz.partyId, organizationId: world.sz.unitOrganizationId, role: 'lead' as const },
        ]
      : [{ partyId: world.qd.partyId, organizationId: world.qd.unitOrganizationId, role: 'lead' as const }];
  const created = await t.services.task.create(actor, world.cooperationId, {
    title,
    description: '',
    clauseIds: [],
    joint: shape === 'joint',
    ownerPartyId: shape === 'joint' ? null : world.qd.partyId,
    visibility: 'parties',
    priority: 'normal',
    tags: [],
    units,
    ownerUserIds: [],
    milestones: milestones.map((m) => ({ title: m })),
  });
  const detail = await t.services.task.get(actor, created.id);
  return { id: created.id, milestoneIds: detail.milestones.map((m) => m.id) };
}

export interface ReportBody {
  id: string;
  status: string;
  version: number;
  revision: number;
  round: number;
  partyId: string;
  supersedesId: string | null;
  revisionReason: string | null;
  returnReason: string | null;
  awaitingSides: string[];
  decidingSides: string[];
  percent: number;
  reviews: { round: number; partyId: string; decision: string; reason: string | null; userName: string | null; decidedAt: string }[];
  can: { edit: boolean; review: boolean; revise: boolean };
}

export const errorCode = (res: LightMyRequestResponse): string | undefined => res.json<{ error?: { code: string } }>().error?.code;

/** A ZIP of stored (uncompressed) entries, enough for content sniffing of OOXML and plain archives. */
export function zipOf(entries: { name: string; data: string | Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function docxOf(text: string): Buffer {
  return zipOf([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', data: `<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>` },
  ]);
}

/** A compound (OLE2) file whose directory holds a `WordDocument` stream, as a .doc has. */
export function ole2Of(streamName: string): Buffer {
  const bytes = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.writeUInt16LE(0x003e, 24);
  bytes.writeUInt16LE(0x0003, 26);
  bytes.writeUInt16LE(0xfffe, 28);
  bytes.writeUInt16LE(9, 30);
  bytes.writeUInt32LE(0, 48);
  const entry = (at: number, name: string, type: number) => {
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(bytes, at);
    bytes.writeUInt16LE(encoded.length, at + 64);
    bytes[at + 66] = type;
  };
  entry(512, 'Root Entry', 5);
  entry(640, streamName, 2);
  return bytes;
}

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex')]);

/** A Windows executable: "MZ", a DOS stub, and a PE header where e_lfanew points. */
export function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

const BOUNDARY = '----liandong-test-boundary';

function multipartHead(fileName: string, declaredType: string): Buffer {
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`, 'utf8');
}
const multipartTail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** Uploads one file as multipart/form-data, the way a browser form does. */
export function upload(t: TestApp, token: string, reportId: string, fileName: string, data: Buffer, declaredType = 'application/pdf') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/reports/${reportId}/attachments`,
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([multipartHead(fileName, declaredType), data, multipartTail]),
  });
}

/** Uploads `bytes` of a PDF-looking file generated on the fly, never held in memory or on disk as a whole. */
export function uploadStream(t: TestApp, token: string, reportId: string, bytes: number) {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  async function* body() {
    yield multipartHead('huge.pdf', 'application/pdf');
    yield PDF;
    for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
    yield multipartTail;
  }
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/reports/${reportId}/attachments`,
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Readable.from(body()),
  });
}
