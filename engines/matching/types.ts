import { z } from 'zod';

const id = z.string().min(1).max(200);
const territory = z.object({
  commune: z.string().optional(),
  epci: z.string().optional(),
  departement: z.string().optional(),
  region: z.string().optional(),
});
const stage = z.enum(['idea', 'launch', 'development', 'scale_up']);
const instrument = z.enum(['grant', 'loan', 'equity', 'quasi_equity']);
const territoryRef = z.string().regex(/^(commune|epci|departement|region):[0-9AB]{2,9}$/, 'territoire attendu sous la forme region:84');

export const weightsSchema = z.object({
  theme: z.number().min(0).optional(),
  territory: z.number().min(0).optional(),
  stage: z.number().min(0).optional(),
  ticket: z.number().min(0).optional(),
  text: z.number().min(0).optional(),
});

/** The matching input, as read by `essaim match FILE`. */
export const matchInputSchema = z.object({
  left: z.array(
    z.object({
      id,
      themes: z.array(z.string()).optional(),
      territory: territory.optional(),
      stage: stage.optional(),
      amount: z.number().min(0).optional(),
      instruments: z.array(instrument).optional(),
      text: z.string().optional(),
      capacity: z.number().int().min(0).optional(),
      /** Right ids in order of preference (for the stable matching); default: by score. */
      ranking: z.array(id).optional(),
    }),
  ),
  right: z.array(
    z.object({
      id,
      themes: z.array(z.string()).optional(),
      territories: z.array(territoryRef).optional(),
      territory: territory.optional(),
      stages: z.array(stage).optional(),
      ticketMin: z.number().min(0).optional(),
      ticketMax: z.number().min(0).optional(),
      instruments: z.array(instrument).optional(),
      text: z.string().optional(),
      capacity: z.number().int().min(0).optional(),
      ranking: z.array(id).optional(),
    }),
  ),
  options: z
    .object({
      k: z.number().int().min(1).max(1000).optional(),
      weights: weightsSchema.optional(),
      /** Compute the global assignment (default true). */
      assignment: z.boolean().optional(),
      /** Also compute a stable matching with capacities (hospitals/residents). */
      stable: z.boolean().optional(),
    })
    .optional(),
});
export type MatchInput = z.input<typeof matchInputSchema>;
export type LeftItem = MatchInput['left'][number];
export type RightItem = MatchInput['right'][number];

export type Criterion = 'theme' | 'territory' | 'stage' | 'ticket' | 'text';

export interface Reason {
  criterion: Criterion;
  /** Points out of 1,000; the contributions of a candidate add up exactly to its score. */
  contribution: number;
  detail: string;
}

export interface Candidate {
  score: number;
  reasons: Reason[];
}

export interface MatchOutput {
  left: Array<{ id: string; candidates: Array<Candidate & { right: string }>; excluded: number }>;
  right: Array<{ id: string; candidates: Array<Candidate & { left: string }> }>;
  assignment?: { pairs: Array<{ left: string; right: string; score: number }>; totalScore: number; edges: 'all' | 'top-k' };
  stable?: { pairs: Array<{ left: string; right: string; score: number }> };
  stats: { pairsEvaluated: number; pairsExcluded: number; elapsedMs: number; weights: Required<z.infer<typeof weightsSchema>> };
}

/** Documented default weights (they are normalised to add up to 1). */
export const DEFAULT_WEIGHTS = { theme: 0.3, territory: 0.2, stage: 0.1, ticket: 0.15, text: 0.25 } as const;
