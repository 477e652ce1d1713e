import { join } from 'node:path';

export const TEST_DIR = join(process.cwd(), '.essaim-test');
export const TEMPLATE_DUMP = join(TEST_DIR, 'template.tar');
export const DEMO_TEMPLATE_DUMP = join(TEST_DIR, 'demo-template.tar');
