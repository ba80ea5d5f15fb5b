import type { Command } from 'commander';
import { z } from 'zod';
import { screeningInputSchema } from '../../core/screening/input.js';
import { triageInputSchema } from '../../core/triage/input.js';
import { aftercareInputSchema } from '../../service/after-treatment.service.js';
import { loadConfig } from '../config.js';
import { loadValidKnowledge } from '../knowledge/fs-knowledge.js';

export function registerSchema(program: Command, out: (s: string) => void, err: (s: string) => void, setExit: (c: number) => void): void {
  program
    .command('schema <name>')
    .description('print the JSON Schema of an input: screening, aftercare or triage')
    .action((name: string) => {
      const kb = loadValidKnowledge(loadConfig(process.env).knowledgeDir);
      const schemas: Record<string, z.ZodType> = { screening: screeningInputSchema(kb), aftercare: aftercareInputSchema(kb), triage: triageInputSchema(kb) };
      const s = schemas[name];
      if (!s) {
        err(`unknown schema '${name}'; known: ${Object.keys(schemas).join(', ')}`);
        setExit(2);
        return;
      }
      out(JSON.stringify(z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }), null, 2));
    });
}
