import { escapeHtml, html, jsonForHtml, SafeHtml } from './html';

describe('html', () => {
  it('escapes every interpolated value', () => {
    const payload = '<img src=x onerror=alert(1)>"\'`&';
    expect(html`<p title="${payload}">${payload}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;</p>',
    );
  });

  it('keeps SafeHtml and nested templates, and renders lists, numbers and nothing', () => {
    const items = ['a<', 'b>'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${1}${null}${undefined}${false}`.value).toBe(
      '<ul><li>a&lt;</li><li>b&gt;</li></ul>1',
    );
    expect(html`${new SafeHtml('<b>ok</b>')}`.value).toBe('<b>ok</b>');
  });

  it('escapes text for attributes and content alike', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('writes JSON that cannot close a script element', () => {
    const text = jsonForHtml({ summary: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ summary: '</script><script>alert(1)</script>' });
  });
});
