// What other modules may use of procedure-review.
export { type InterlinkRoute, interlinkRouteOf, nextInterlinkAgency } from './interlinked.ts';
