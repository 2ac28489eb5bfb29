import { ApiResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';

/**
 * A zod schema as a named component of the document. The document names a component after its class, and
 * `createZodDto` cannot be extended from a union, so the class is named here; `output` documents what a
 * handler returns (timestamps leave as ISO-8601 strings), `input` what it takes.
 */
export function zodComponent(name: string, schema: z.ZodType, io: 'input' | 'output') {
  const dto = io === 'output' ? createZodDto(schema).Output : createZodDto(schema);
  Object.defineProperty(dto, 'name', { value: name });
  return dto;
}

/** A JSON response of an operation, documented from a zod schema of what the handler returns. */
export function ApiJsonResponse(status: number, name: string, schema: z.ZodType, description: string) {
  return ApiResponse({ status, description, type: zodComponent(name, schema, 'output') });
}
