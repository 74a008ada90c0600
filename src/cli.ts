import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { runProcess } from './app/run-process.js';
import { AuthModule } from './common/auth/auth.module.js';
import { loadConfig, type AppConfig } from './common/config/app-config.js';
import { AppConfigModule } from './common/config/config.module.js';
import { DomainError } from './common/errors/domain-error.js';
import { flattenValidationErrors } from './common/errors/validation.pipe.js';
import { DatabaseModule } from './infra/database/database.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { CreateUserDto } from './users/dto/create-user.dto.js';
import { UsersModule } from './users/users.module.js';
import { UsersService } from './users/users.service.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-user --role <admin|planner|organizer|viewer> --name <name> [--email <email>]
              [--organization-id <uuid>] [--json]
      Creates a user and prints its API token (shown once). With --json, prints one JSON
      object {"id", "name", "role", "token"} and nothing else on stdout.
`;

/** Database and users only: the CLI needs no Redis and no HTTP. */
@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot({ runMigrations: true }),
        AuthModule,
        OrganizationsModule,
        UsersModule,
      ],
    };
  }
}

runProcess(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'organization-id': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || command !== 'create-user') {
    process.stdout.write(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const dto = plainToInstance(CreateUserDto, {
    role: values.role,
    name: values.name,
    email: values.email,
    organizationId: values['organization-id'],
  });
  const problems = flattenValidationErrors(await validate(dto, { forbidUnknownValues: true }));
  if (problems.length) {
    process.stderr.write(
      `${problems.map((p) => `--${p.field.replace('organizationId', 'organization-id')}: ${p.problems.join('; ')}`).join('\n')}\n\n${USAGE}`,
    );
    process.exitCode = 2;
    return;
  }
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig()), {
    logger: ['error'],
  });
  try {
    const { user, token } = await app.get(UsersService).create(dto);
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ id: user.id, name: user.name, role: user.role, organizationId: user.organizationId, token })}\n`,
      );
    } else {
      process.stdout.write(
        `Created ${user.role} "${user.name}" (${user.id}).\nAPI token (shown once, keep it safe):\n  ${token}\n`,
      );
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
});
