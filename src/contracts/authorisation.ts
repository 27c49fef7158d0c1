import { z } from 'zod';
import { IssueKey } from '../domain/model';
import {
  DecisionOutcome,
  DecisionReasonSchema,
  DecisionRecordSchema,
  DecisionRequestId,
} from '../domain/scoring/decision';

/** Resolver keys of authorisation at the Inception gate: merged into `resolverContract`. */

/** A decision as people see it: the stored record and the decider's name. */
export const DecisionViewSchema = DecisionRecordSchema.extend({ byName: z.string() });
export type DecisionView = z.infer<typeof DecisionViewSchema>;

/** A mandatory gate item still unticked: what blocks an approval. */
export const GateGapSchema = z.object({ standardName: z.string(), items: z.array(z.string()) });
export type GateGap = z.infer<typeof GateGapSchema>;

export const IssueAuthorisationSchema = z.discriminatedUnion('status', [
  /** Scoring is off, or the issue is not a candidate: the panel shows no authorisation. */
  z.object({ status: z.literal('none') }),
  z.object({
    status: z.literal('candidate'),
    issueKey: z.string(),
    /** The candidate is in a stage before Planning, so it can be decided now. */
    inInception: z.boolean(),
    /** The lifecycle stage it is in (null: its status is in no stage). */
    stageName: z.string().nullable(),
    /** The Planning status an approval moves it into (null: the lifecycle has none). */
    planningStatus: z.string().nullable(),
    /** Mandatory items of the gate into Planning still unticked (empty: the gate lets it pass). */
    gateGaps: z.array(GateGapSchema),
    canDecide: z.boolean(),
    /** Why the viewer may not decide; null when they may. */
    notAllowedReason: z.string().nullable(),
    /** Who may decide, said to people. */
    authorisersAudience: z.string(),
    /** Newest first. */
    decisions: z.array(DecisionViewSchema),
  }),
]);
export type IssueAuthorisation = z.infer<typeof IssueAuthorisationSchema>;

export const AuthorisationLogSchema = z.object({
  /** Every decision on a candidate the viewer may see, newest first. */
  decisions: z.array(DecisionViewSchema),
});
export type AuthorisationLog = z.infer<typeof AuthorisationLogSchema>;

export const authorisationContract = {
  getIssueAuthorisation: {
    input: z.object({ issueKey: IssueKey }).strict(),
    output: IssueAuthorisationSchema,
  },
  decideCandidate: {
    input: z
      .object({
        issueKey: IssueKey,
        outcome: DecisionOutcome,
        reason: DecisionReasonSchema,
        /** Sent again unchanged on a retry: the decision is recorded once. */
        requestId: DecisionRequestId,
      })
      .strict(),
    output: IssueAuthorisationSchema,
  },
  getAuthorisationLog: { input: z.object({}).strict(), output: AuthorisationLogSchema },
} as const;
