import SectionMessage from '@atlaskit/section-message';

/** What an action that saves at once (an import, an override) reports when it worked; read out as a status. */
export function DoneMessage({ title, message }: { title: string; message: string | null }) {
  if (!message) return null;
  return (
    <SectionMessage appearance="success" title={title}>
      <p role="status">{message}</p>
    </SectionMessage>
  );
}
