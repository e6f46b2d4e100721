/**
 * The most reports one batch ZIP holds: the largest district's units with room to spare, while a whole
 * city (two thousand units) is asked to go district by district rather than tie up the server. Its own
 * file so the page can say so before asking, without loading the server's ZIP code.
 */
export const BATCH_EXPORT_MAX_REPORTS = 500;
