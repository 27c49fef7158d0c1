import { SETTINGS_LIMITS } from '@contracts/settings';
import { precheckImport, precheckSize, safeFileName } from './import-precheck';

describe('precheckImport', () => {
  it('accepts a JSON object', () => {
    expect(precheckImport('{"config": {}}')).toEqual({ ok: true });
  });

  it('says clearly what is wrong with anything else', () => {
    expect(precheckImport('  ')).toEqual({
      ok: false,
      message: 'Choose a file or paste the exported JSON first.',
    });
    const broken = precheckImport('{"standards": [');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/^This is not valid JSON \(.+\)\. Import a file exported/);
    for (const text of ['[1,2]', '"x"', '42', 'null']) {
      const answer = precheckImport(text);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.message).toMatch(/not a PMO settings export/);
    }
  });

  it('refuses more than the server accepts', () => {
    expect(precheckSize(SETTINGS_LIMITS.maxImportBytes).ok).toBe(true);
    const big = precheckSize(SETTINGS_LIMITS.maxImportBytes + 1);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toMatch(/more than the 1\.0 MB an import may be/);
    expect(precheckImport(`"${'x'.repeat(SETTINGS_LIMITS.maxImportBytes)}"`).ok).toBe(false);
  });
});

describe('safeFileName', () => {
  it('keeps ordinary names and cleans the rest', () => {
    expect(safeFileName('pmo-settings-v12.json')).toBe('pmo-settings-v12.json');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd.json');
    expect(safeFileName('')).toBe('pmo-settings.json');
  });
});
