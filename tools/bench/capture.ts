import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { AppModule } from '@api/app.module';
import type { AppConfig } from '@api/config/config';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The statements one pooled connection ran, in order (START TRANSACTION … COMMIT when it is one). */
export interface Transaction {
  statements: Statement[];
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|ALTER|CREATE|DROP|COPY)\b/i;

/** A TypeORM logger that keeps every statement with its parameters, grouped by query runner. */
class Recorder implements TypeOrmLogger {
  private groups: Map<QueryRunner | undefined, Statement[]> | null = null;

  start(): void {
    this.groups = new Map();
  }

  stop(): Transaction[] {
    const groups = this.groups ?? new Map<QueryRunner | undefined, Statement[]>();
    this.groups = null;
    return [...groups.values()].map((statements) => ({ statements }));
  }

  logQuery(query: string, parameters?: unknown[] | object, queryRunner?: QueryRunner): void {
    if (!this.groups) return;
    // A statement outside a transaction gets its own group: it ran on a connection of its own.
    const key = queryRunner?.isTransactionActive || query === 'START TRANSACTION' ? queryRunner : undefined;
    const statement = { sql: query, params: Array.isArray(parameters) ? [...(parameters as unknown[])] : [] };
    if (key === undefined) {
      this.groups.set(Symbol() as unknown as QueryRunner, [statement]);
      return;
    }
    const list = this.groups.get(key) ?? [];
    list.push(statement);
    this.groups.set(key, list);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * The API's own modules in this process, so each scenario's SQL is taken from the services that
 * answer it (the exact statements and parameters TypeORM sends), never copied by hand: the
 * direct-SQL side cannot drift from the code.
 */
export class SqlCapture {
  private constructor(
    private readonly context: INestApplicationContext,
    private readonly recorder: Recorder,
  ) {}

  static async start(config: AppConfig, appUrl: string): Promise<SqlCapture> {
    // No background work (RSVP retention) in the bench process.
    process.env.UNIDOS_RETENTION_INTERVAL_MS = '0';
    const context = await NestFactory.createApplicationContext(
      AppModule.forRoot(config, appUrl, { login: 1_000_000, publicForms: 1_000_000 }),
      { logger: false, abortOnError: false },
    );
    const recorder = new Recorder();
    context.get(DataSource).setOptions({ logger: recorder });
    return new SqlCapture(context, recorder);
  }

  get<T>(token: new (...args: never[]) => T): T {
    return this.context.get(token, { strict: false });
  }

  /** Runs `work` (a service call) and returns the transactions it ran. Refuses work that writes. */
  async capture(work: () => Promise<unknown>): Promise<Transaction[]> {
    this.recorder.start();
    let transactions: Transaction[];
    try {
      await work();
    } finally {
      transactions = this.recorder.stop();
    }
    const write = transactions.flatMap((t) => t.statements).find((s) => WRITE.test(s.sql));
    if (write) throw new Error(`a read scenario wrote to the database; refusing to replay it: ${write.sql.slice(0, 120)}`);
    return transactions;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
