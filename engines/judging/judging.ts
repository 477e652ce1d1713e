/**
 * The judging engine of the hackathons: who reviews what (assignment.ts), and
 * how the reviews and pairwise comparisons become a ranking (scoring.ts).
 */
export { type Assignment, type AssignmentInput, AssignmentInfeasible, assignReviews } from './assignment';
export { bradleyTerry, type Criterion, type RankedTeam, type Review, rankTeams, weightedTotal, zScores } from './scoring';
