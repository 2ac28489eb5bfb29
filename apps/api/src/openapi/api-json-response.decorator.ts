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
  const metadata = (dto as unknown as OpenApiMetadataSource)._OPENAPI_METADATA_FACTORY;
  Object.defineProperty(dto, '_OPENAPI_METADATA_FACTORY', {
    value: () => withTypeListsAsAnyOf(metadata.call(dto)),
  });
  return dto;
}

interface OpenApiMetadataSource {
  _OPENAPI_METADATA_FACTORY(): Record<string, Record<string, unknown>>;
}

/**
 * A top-level `string | null` property reaches @nestjs/swagger as `type: ['string', 'null']`, which it
 * reads as "an array" and documents as `string[]`. Written as the `anyOf` nestjs-zod uses for every other
 * nullable, it comes out as it is.
 */
function withTypeListsAsAnyOf(properties: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.entries(properties).map(([key, property]) => {
      const { type } = property;
      if (!Array.isArray(type)) return [key, property];
      const { description, ...rest } = property;
      const anyOf = type.map((t: unknown) =>
        t === 'null' ? { type: 'null' } : { ...stripMarkers(rest), type: t },
      );
      return [key, { ...markersOf(rest), ...(description ? { description } : {}), anyOf, type: '' }];
    }),
  );
}

const isMarker = (key: string) => key.startsWith('x-nestjs_zod') || key === 'required';
const markersOf = (p: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(p).filter(([k]) => isMarker(k)));
const stripMarkers = (p: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(p).filter(([k]) => !isMarker(k) && k !== 'type'));

/** A JSON response of an operation, documented from a zod schema of what the handler returns. */
export function ApiJsonResponse(status: number, name: string, schema: z.ZodType, description: string) {
  return ApiResponse({ status, description, type: zodComponent(name, schema, 'output') });
}
