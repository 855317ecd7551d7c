import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { ListResult } from './list-query';

/** Turns a ListResult into the array and `Content-Range: <resource> start-end/total` of ra-data-simple-rest. */
@Injectable()
export class ListInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof ListResult)) return value;
        const { resource, rows, offset, total } = value.page;
        const end = rows.length > 0 ? offset + rows.length - 1 : offset;
        const res = context.switchToHttp().getResponse<Response>();
        res.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
        res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
        return rows;
      }),
    );
  }
}
