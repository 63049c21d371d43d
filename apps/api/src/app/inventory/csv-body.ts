import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { text } from 'body-parser';
import type { Request, Response } from 'express';
import { SITE_DEPENDENCY_CSV_MAX_BYTES } from '@netduty/contracts';

/** The media type of an uploaded CSV file (RFC 7111), with or without its parameters (charset). */
const CSV_MEDIA_TYPE = /^text\/csv\s*(?:;|$)/i;

const readText = text({ type: 'text/csv', limit: SITE_DEPENDENCY_CSV_MAX_BYTES, defaultCharset: 'utf-8' });

/**
 * Reads a `text/csv` body, decoded by its charset (UTF-8 unless it says otherwise), within the size
 * limit. It is read by the handler, after the guard: nobody's file is read before they are let in. The
 * api's JSON parser leaves such a body unread; anything else was not a CSV file (415).
 */
export async function readCsvBody(request: Request, response: Response): Promise<string> {
  if (!CSV_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) {
    throw new UnsupportedMediaTypeException('send the file as text/csv');
  }
  await new Promise<void>((resolve, reject) => {
    readText(request, response, (error?: unknown) => (error === undefined ? resolve() : reject(bodyError(error))));
  });
  const body: unknown = request.body;
  return typeof body === 'string' ? body : '';
}

function bodyError(error: unknown): Error {
  const { type } = (error ?? {}) as { type?: string };
  if (type === 'entity.too.large') return new PayloadTooLargeException(`the file is over ${SITE_DEPENDENCY_CSV_MAX_BYTES} bytes`);
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return new UnsupportedMediaTypeException('unsupported charset or encoding');
  return new BadRequestException('the file could not be read');
}
