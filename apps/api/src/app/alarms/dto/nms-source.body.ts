import type { PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { NMS_SOURCE_LIMITS, OPERATOR_CODES, type CreateNmsApiKeyRequest, type CreateNmsSourceRequest, type OperatorCode } from '@netduty/contracts';
import { trimmed } from '../../http/trimmed';
import { RequestValidationException } from '../../http/validation';

const SOURCE_ID = new RegExp(NMS_SOURCE_LIMITS.idPattern);

export class CreateNmsSourceBody implements CreateNmsSourceRequest {
  @ApiProperty({ example: 'viettel-nms-lsn', description: "the NMS's TMF642 sourceSystemId", pattern: NMS_SOURCE_LIMITS.idPattern })
  @IsString()
  @Matches(SOURCE_ID)
  id!: string;

  @ApiProperty({ enum: OPERATOR_CODES })
  @IsIn(OPERATOR_CODES)
  operatorCode!: OperatorCode;

  @ApiProperty({ maxLength: NMS_SOURCE_LIMITS.nameMaxLength })
  @Transform(trimmed)
  @IsString()
  @Length(1, NMS_SOURCE_LIMITS.nameMaxLength)
  name!: string;
}

export class CreateNmsApiKeyBody implements CreateNmsApiKeyRequest {
  @ApiProperty({ maxLength: NMS_SOURCE_LIMITS.labelMaxLength, example: 'NMS primary, 2026' })
  @Transform(trimmed)
  @IsString()
  @Length(1, NMS_SOURCE_LIMITS.labelMaxLength)
  label!: string;
}

/** An NMS source id path parameter (its sourceSystemId), refused naming the parameter when malformed. */
export function sourceIdParam(name: string): PipeTransform<unknown, string> {
  return {
    transform(value: unknown): string {
      if (typeof value !== 'string' || !SOURCE_ID.test(value)) throw new RequestValidationException([{ field: name, code: 'invalid_format' }]);
      return value;
    },
  };
}
