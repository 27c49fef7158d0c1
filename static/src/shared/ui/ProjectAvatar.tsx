import { useState } from 'react';
import { safeJiraUrl } from '../lib/safe-url';

/** The project's avatar, or its initial when there is none or it fails to load. Decorative. */
export function ProjectAvatar({ url, name, size = 24 }: { url: string | null; name: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  const src = safeJiraUrl(url);
  const dimension = { width: size, height: size };
  if (src === null || failed) {
    return (
      <span className="pmo-avatar pmo-avatar--initial" style={dimension} aria-hidden="true">
        {name.trim().charAt(0).toUpperCase() || '?'}
      </span>
    );
  }
  return (
    <img
      className="pmo-avatar"
      src={src}
      alt=""
      style={dimension}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
