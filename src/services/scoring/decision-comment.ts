import { type DecisionRecord, outcomeLabel } from '../../domain/scoring/decision';
import type { AdfDocument } from '../../jira/client';

const number = (value: number) => (Math.round(value * 100) / 100).toLocaleString('en');

/**
 * The comment a decision leaves on the candidate, in Atlassian Document Format: text nodes only, so
 * a reason containing markup stays text.
 */
export function decisionComment(record: DecisionRecord): AdfDocument {
  const score = record.score;
  const scoreText = score
    ? `Score ${score.value === null ? 'not computed' : number(score.value)}${score.complete ? '' : ' (incomplete)'} with ${score.model.name} (version ${score.model.version})`
    : 'Not scored';
  const facts = [scoreText, ...(record.rank === null ? [] : [`rank ${record.rank}`])].join(', ');
  const paragraphs: AdfDocument['content'] = [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: `Inception gate: ${outcomeLabel(record)}`, marks: [{ type: 'strong' }] },
        {
          type: 'text',
          text: record.move ? ` — moved from ${record.move.from} to ${record.move.to}.` : '.',
        },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: `${facts}.` }] },
  ];
  if (record.reason.length > 0) {
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text: `Reason: ${record.reason}` }] });
  }
  return { type: 'doc', version: 1, content: paragraphs };
}
