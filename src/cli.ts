import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { runProcess } from './app/run-process.js';
import { AuthModule } from './common/auth/auth.module.js';
import { passwordProblem } from './common/auth/password.js';
import { loadConfig, type AppConfig } from './common/config/app-config.js';
import { AppConfigModule } from './common/config/config.module.js';
import { DomainError } from './common/errors/domain-error.js';
import { flattenValidationErrors } from './common/errors/validation.pipe.js';
import { TimeModule } from './common/time/time.module.js';
import { DatabaseModule } from './infra/database/database.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { CreateUserDto } from './users/dto/create-user.dto.js';
import { InviteUserDto } from './users/dto/invite-user.dto.js';
import { UsersModule } from './users/users.module.js';
import { UsersService } from './users/users.service.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-user --role <admin|planner|organizer|viewer> --name <name> [--email <email>]
              [--organization-id <uuid>] [--password-stdin] [--json]
      Creates a user and prints its API token (shown once). With --password-stdin (needs
      --email), the password read from stdin also lets the user sign in to the console. With
      --json, prints one JSON object {"id", "name", "role", "organizationId", "token"} and
      nothing else on stdout.

  set-password --email <email>
      Sets the console password of that user, read from stdin (10 to 200 characters; one
      trailing newline is dropped), and signs them out everywhere.
      Example: printf '%s' "$PASSWORD" | npm run cli -- set-password --email a@example.org

  invite --email <email> --role <role> --name <name> [--organization-id <uuid>]
      Creates the user and prints a single-use link (valid INVITATION_HOURS) where they set
      their password. Links start with PUBLIC_URL.
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
        TimeModule,
        AuthModule,
        OrganizationsModule,
        UsersModule,
      ],
    };
  }
}

class UsageError extends Error {}

const COMMANDS = ['create-user', 'set-password', 'invite'];

runProcess(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'organization-id': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !COMMANDS.includes(command)) {
    process.stdout.write(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  try {
    const run = await prepare(command, values);
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig()), {
      logger: ['error'],
    });
    try {
      process.stdout.write(await run(app.get(UsersService)));
    } finally {
      await app.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
});

type Values = Record<string, string | boolean | undefined>;

/** Checks the options (and reads stdin) before any database work; answers the command to run. */
async function prepare(command: string, values: Values): Promise<(users: UsersService) => Promise<string>> {
  const string = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  if (command === 'set-password') {
    const email = string('email');
    if (!email) throw new UsageError('--email: give the email of the user');
    const password = await readPassword();
    return async (users) => {
      const user = await users.setPassword(email, password);
      return `Password set for ${user.role} "${user.name}" (${user.email}).\n`;
    };
  }
  if (command === 'invite') {
    const dto = await validated(InviteUserDto, {
      email: string('email'),
      name: string('name'),
      role: string('role'),
      organizationId: string('organization-id'),
    });
    return async (users) => {
      const { user, invitationUrl, expiresAt } = await users.invite(dto);
      return `Invited ${user.role} "${user.name}" <${user.email}>. Send them this link (single use, valid until ${expiresAt.toISOString()}):\n  ${invitationUrl}\n`;
    };
  }
  const dto = await validated(CreateUserDto, {
    role: string('role'),
    name: string('name'),
    email: string('email'),
    organizationId: string('organization-id'),
  });
  let password: string | undefined;
  if (values['password-stdin']) {
    if (!dto.email) throw new UsageError('--password-stdin: a user who signs in needs --email');
    password = await readPassword();
  }
  return async (users) => {
    const { user, token } = await users.create(dto, { password });
    if (values.json) {
      return `${JSON.stringify({ id: user.id, name: user.name, role: user.role, organizationId: user.organizationId, token })}\n`;
    }
    return `Created ${user.role} "${user.name}" (${user.id})${password ? `; they can sign in as ${user.email}` : ''}.\nAPI token (shown once, keep it safe):\n  ${token}\n`;
  };
}

async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const dto = plainToInstance(type, plain);
  const problems = flattenValidationErrors(await validate(dto, { forbidUnknownValues: true }));
  if (problems.length) {
    throw new UsageError(
      problems
        .map((p) => `--${p.field.replace('organizationId', 'organization-id')}: ${p.problems.join('; ')}`)
        .join('\n'),
    );
  }
  return dto;
}

/** The password from stdin, without one trailing newline. Never echoed or logged. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is visible; end with Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(`stdin: ${problem}`);
  return password;
}
