import {
  availablePortfolio,
  type ChoiceStorage,
  PORTFOLIO_STORAGE_KEY,
  readRememberedPortfolio,
  rememberPortfolio,
} from './portfolio-choice';

function memoryStorage(initial: Record<string, string> = {}): ChoiceStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const throwing: ChoiceStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

describe('remembering the portfolio', () => {
  it('reads back what was remembered, ids of any kind included', () => {
    const storage = memoryStorage();
    rememberPortfolio('category:10001', storage);
    expect(readRememberedPortfolio(storage)).toBe('category:10001');
    rememberPortfolio('portfolio:emea-2027', storage);
    expect(readRememberedPortfolio(storage)).toBe('portfolio:emea-2027');
  });

  it('forgets the choice when "all" (the default) is chosen', () => {
    const storage = memoryStorage({ [PORTFOLIO_STORAGE_KEY]: 'category:1' });
    rememberPortfolio('all', storage);
    expect(storage.data.has(PORTFOLIO_STORAGE_KEY)).toBe(false);
    expect(readRememberedPortfolio(storage)).toBe('all');
  });

  it('falls back to "all" without storage, with storage that throws, or with junk stored', () => {
    expect(readRememberedPortfolio(null)).toBe('all');
    expect(readRememberedPortfolio(throwing)).toBe('all');
    expect(() => rememberPortfolio('category:1', throwing)).not.toThrow();
    expect(() => rememberPortfolio('category:1', null)).not.toThrow();
    expect(readRememberedPortfolio(memoryStorage({ [PORTFOLIO_STORAGE_KEY]: '' }))).toBe('all');
    expect(readRememberedPortfolio(memoryStorage({ [PORTFOLIO_STORAGE_KEY]: 'a\nb' }))).toBe('all');
    expect(readRememberedPortfolio(memoryStorage({ [PORTFOLIO_STORAGE_KEY]: 'x'.repeat(500) }))).toBe('all');
  });

  it('uses no storage at all outside a browser', () => {
    expect(readRememberedPortfolio()).toBe('all');
    expect(() => rememberPortfolio('category:1')).not.toThrow();
  });
});

describe('availablePortfolio', () => {
  const offered = [{ id: 'all' }, { id: 'category:10000' }];
  it('keeps a portfolio that is still offered and falls back to "all" otherwise', () => {
    expect(availablePortfolio('category:10000', offered)).toBe('category:10000');
    expect(availablePortfolio('category:99999', offered)).toBe('all');
    expect(availablePortfolio('all', [])).toBe('all');
  });
});
