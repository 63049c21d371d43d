import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import type { DismissRoamingProposal, IssueRoamingRequest, OperatorCode } from '@netduty/contracts';
import { OPERATOR_CODES, ROAMING_LIMITS } from '@netduty/contracts';
import { Optional } from '../../http/optional';
import { trimmed } from '../../http/trimmed';

/** POST /roaming/requests. */
export class IssueRoamingRequestBody implements IssueRoamingRequest {
  @ApiProperty({ example: '05977', description: 'The commune where the lost operator has every BTS down' })
  @IsString()
  @MaxLength(10)
  communeCode!: string;

  @ApiProperty({ enum: OPERATOR_CODES, description: 'The operator that lost every BTS there' })
  @IsIn(OPERATOR_CODES)
  lostOperator!: OperatorCode;

  @ApiProperty({ enum: OPERATOR_CODES, description: 'The operator asked to carry its subscribers (one still on air there)' })
  @IsIn(OPERATOR_CODES)
  hostOperator!: OperatorCode;

  @ApiPropertyOptional({ maxLength: ROAMING_LIMITS.noteMaxLength })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, ROAMING_LIMITS.noteMaxLength)
  note?: string;
}

/** POST /roaming/dismissals. */
export class DismissRoamingProposalBody implements DismissRoamingProposal {
  @ApiProperty({ example: '05977' })
  @IsString()
  @MaxLength(10)
  communeCode!: string;

  @ApiProperty({ enum: OPERATOR_CODES })
  @IsIn(OPERATOR_CODES)
  lostOperator!: OperatorCode;

  @ApiPropertyOptional({ maxLength: ROAMING_LIMITS.noteMaxLength })
  @Optional()
  @Transform(trimmed)
  @IsString()
  @Length(1, ROAMING_LIMITS.noteMaxLength)
  note?: string;
}
