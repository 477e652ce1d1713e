import type { z } from 'zod';
import type { challenge, challengeDashboard, structureProgress } from '../../../../shared/schemas/challenge';

export type Challenge = z.output<typeof challenge>;
export type Dashboard = z.output<typeof challengeDashboard>;
export type StructureProgress = z.output<typeof structureProgress>;
