import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@api/common/errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in a path that is not a uuid names no record: 404, like any record the caller cannot see. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new DomainError(404, 'error.notFound');
    return value.toLowerCase();
  }
}
