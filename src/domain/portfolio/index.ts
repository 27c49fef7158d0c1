export {
  CHUNK_VERSION,
  chunkBasis,
  emptyChunk,
  type IssueRow,
  mergeAllChunks,
  mergeChunks,
  type PortfolioChunk,
  PortfolioChunkSchema,
  summarizeIssues,
} from './chunk';
export {
  type ComputePortfolioInput,
  computePortfolio,
  computePortfolioFromChunk,
  type PortfolioExtras,
} from './compute';
export {
  type PortfolioComputation,
  PortfolioComputationSchema,
  PortfolioMetaSchema,
  type PortfolioReport,
  PortfolioReportSchema,
  type ProjectReport,
  ProjectReportSchema,
  type RefreshRun,
  RefreshRunSchema,
} from './schema';
