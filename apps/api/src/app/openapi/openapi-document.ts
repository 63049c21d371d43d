import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_RULE, type AccessRule } from '../auth/access.decorators';

export const BEARER_SCHEME = 'bearer';
/** The TMF642 routes: a network management system's API key, not a person's token. */
export const NMS_KEY_SCHEME = 'nmsApiKey';

const operationId = (controller: string, method: string): string => `${controller}_${method}`;

/** The access rule of every route handler, by the operation id Swagger gives it. */
function accessRulesByOperation(app: INestApplication): Map<string, AccessRule | undefined> {
  const rules = new Map<string, AccessRule | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller || typeof controller !== 'function') continue;
      const classRule = Reflect.getMetadata(ACCESS_RULE, controller) as AccessRule | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const rule = (Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined) ?? classRule;
        rules.set(operationId(controller.name, method), rule);
      }
    }
  }
  return rules;
}

/**
 * The OpenAPI document, with bearer security derived from each route's access rule (the same metadata
 * the AccessGuard reads), so no controller repeats it by hand: every operation that is not @Public
 * declares the bearer scheme; an operation with no rule at all is refused by the guard, so it too. The
 * TMF642 routes declare the NMS's API key instead.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('NetDuty API')
      .setDescription('On-duty operations console for telecom and postal network incidents')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken from POST /api/v1/auth/login' }, BEARER_SCHEME)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key of the NMS (POST /api/v1/nms-sources/{id}/keys)' }, NMS_KEY_SCHEME)
      .build(),
    { operationIdFactory: operationId },
  );
  const rules = accessRulesByOperation(app);
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      const rule = operation.operationId ? rules.get(operation.operationId) : undefined;
      if (rule?.kind === 'public') delete operation.security;
      else if (rule?.kind === 'nms_key') operation.security = [{ [NMS_KEY_SCHEME]: [] }];
      else operation.security = [{ [BEARER_SCHEME]: [] }];
    }
  }
  return document;
}
