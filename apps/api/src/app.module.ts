import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RolesGuard, SessionGuard } from '@api/common/auth/session.guard';
import { AllExceptionsFilter } from '@api/common/errors/exception.filter';
import { createValidationPipe } from '@api/common/errors/validation';
import { ListInterceptor } from '@api/common/list/list.interceptor';
import { CommonModule } from '@api/common/module/common.module';
import { PgThrottlerStorage } from '@api/common/rate-limit/pg-throttler.storage';
import type { AppConfig } from '@api/config/config';
import { ConfigModule } from '@api/config/config.module';
import { dataSourceOptions } from '@api/database/data-source';
import { AuditModule } from '@api/modules/audit/audit.module';
import { AuthModule } from '@api/modules/auth/auth.module';
import { CampaignsModule } from '@api/modules/campaigns/campaigns.module';
import { PledgesModule } from '@api/modules/pledges/pledges.module';
import { EventsModule } from '@api/modules/events/events.module';
import { DashboardModule } from '@api/modules/dashboard/dashboard.module';
import { HealthModule } from '@api/modules/health/health.module';
import { ImportsModule } from '@api/modules/imports/imports.module';
import { OrganizationsModule } from '@api/modules/organizations/organizations.module';
import { PeopleModule } from '@api/modules/people/people.module';
import { RegionsModule } from '@api/modules/regions/regions.module';
import { UsersModule } from '@api/modules/users/users.module';

export interface RateLimits {
  /** Sign-in attempts per client per 15 minutes. */
  login: number;
  /** Public form submissions per client per hour. */
  publicForms: number;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, limits: RateLimits): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          // JIT compilation pays off for long analytical queries, not for the API's short ones: on
          // the national dataset it added up to 370 ms to a count that runs in a few ms without it.
          extra: { max: Number(process.env.UNIDOS_DB_POOL ?? 10), application_name: 'unidos-api', options: '-c jit=off' },
        }),
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            throttlers: [
              { name: 'login', ttl: 15 * 60_000, limit: limits.login },
              { name: 'public', ttl: 60 * 60_000, limit: limits.publicForms },
            ],
            storage: new PgThrottlerStorage(dataSource),
          }),
        }),
        CommonModule,
        AuditModule,
        UsersModule,
        AuthModule,
        RegionsModule,
        PeopleModule,
        OrganizationsModule,
        CampaignsModule,
        PledgesModule,
        EventsModule,
        DashboardModule,
        ImportsModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: ListInterceptor },
      ],
    };
  }
}
