import { describe, expect, it } from 'vitest';
import { sniffBytes } from '../../../src/import/sniff';

const sniff = (bytes: Buffer) => sniffBytes(bytes, bytes.length);

describe('sniffBytes', () => {
  it('tells an empty file', () => expect(sniff(Buffer.alloc(0)).format).toBe('empty'));

  it('names pictures, documents and programs renamed .csv', () => {
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatchObject({ format: 'unsupported', what: 'a PNG image' });
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({ what: 'a JPEG image' });
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toMatchObject({ what: 'a PDF document' });
    expect(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatchObject({ what: expect.stringContaining('.xls') });
  });

  it('recognises an XLSX by its zip entries, whatever its name', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....xl/workbook.xml')]);
    expect(sniff(zip).format).toBe('xlsx');
    expect(sniff(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('random.txt')]))).toMatchObject({ what: 'a ZIP archive' });
  });

  it('refuses binary data that has no signature', () => {
    const bytes = Buffer.from('a,b\n1,2\n\u0000\u0001\u0002garbage', 'latin1');
    expect(sniff(bytes)).toMatchObject({ format: 'unsupported', what: expect.stringContaining('binary data at byte 8') });
  });

  it('detects UTF-8, with and without a byte-order mark', () => {
    expect(sniff(Buffer.from('name\nCafé\n'))).toMatchObject({ format: 'csv', encoding: 'utf-8', bom: 0 });
    expect(sniff(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\n')]))).toMatchObject({ encoding: 'utf-8', bom: 3 });
  });

  it('detects UTF-16 with a mark, and without one from its zero bytes', () => {
    const le = Buffer.from('account_id,name\nC1,Acme\n', 'utf16le');
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toMatchObject({ encoding: 'utf-16le', bom: 2 });
    expect(sniff(le)).toMatchObject({ encoding: 'utf-16le', bom: 0 });
    const be = Buffer.from(le).swap16();
    expect(sniff(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ encoding: 'utf-16be', bom: 2 });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(sniff(Buffer.from('comment\nTr\xe8s bien \x80 5\n', 'latin1'))).toMatchObject({ encoding: 'windows-1252' });
  });
});
