/**
 * English messages of the CSV import (the import steps, the history of imports), deep-merged into
 * `en.ts` by `messagesFor`. `imports.es.ts` must have exactly the same keys (typed as
 * `ImportsMessages`, proven by `i18n.spec.ts`); no key may repeat one of the other catalogs.
 */
export const importsEn = {
  unidos: {
    imports: {
      import_csv: 'Import CSV',
      import_kind: {
        people: 'Import people',
        organizations: 'Import organizations',
        pledges: 'Import pledges',
      },
      title: {
        people: 'Import people',
        organizations: 'Import organizations',
        pledges: 'Import pledges',
      },
      title_default: 'Import a CSV file',
      not_allowed: 'Your role does not import files. Ask a coordinator or an alliance admin.',
      show_title: 'Import of %{name}',
      see_history: 'See all imports',
      back: 'Back',
      step_of: 'Step %{step} of %{total}: %{name}',
      steps: {
        file: 'Choose the file',
        mapping: 'Match the columns',
        preview: 'Check',
        run: 'Import',
      },
      file: {
        drop: 'Drag a CSV file here, or',
        choose: 'Choose a file',
        help: 'A .csv file up to %{size}, with the column names in the first line.',
        chosen: '%{name} (%{size})',
        remove: 'Remove %{name}',
        too_large:
          'This file is %{size}; the limit is %{limit}. Split it into smaller files and import them one after the other.',
        not_csv:
          'This does not look like a CSV file. Save it as "CSV" from your spreadsheet and choose it again.',
        source: 'Where does this file come from?',
        source_help:
          'For example "Action Network export" or "Sign-up sheet". Next time a file from the same place reuses your column choices.',
        next: 'Upload and continue',
      },
      mapping: {
        intro:
          'Tell Unidos what each column of %{name} holds (%{smart_count} row). Columns you leave out are not imported. |||| Tell Unidos what each column of %{name} holds (%{smart_count} rows). Columns you leave out are not imported.',
        from_saved: 'These are the choices you saved for files from "%{source}".',
        required: 'Required: %{fields}.',
        table: 'Columns of the file',
        column: 'Column in your file',
        example: 'Example from the file',
        example_inline: 'e.g. %{value}',
        no_example: '(empty)',
        target: 'Import as',
        target_for: 'Import column "%{column}" as',
        twice: 'Another column is also set to %{field}: keep only one.',
        ignore: '— Leave out —',
        required_option: '%{field} (required)',
        missing: 'Choose the column that holds: %{fields}.',
        save: 'Remember these choices for files from "%{source}"',
        save_no_source_label: 'Remember these choices',
        save_no_source: 'Name where the file comes from (step 1) to remember them.',
        next: 'Check the file',
      },
      duplicates: {
        question: {
          people:
            'When a row is someone already in Unidos (same email or phone number as a person of your organization):',
          organizations: 'When a row is an organization already in Unidos (same name):',
          pledges:
            'When a row is a pledge already in Unidos (same campaign, organization, metric and due date):',
        },
        update: "Update them with the file's values",
        skip: 'Skip those rows and keep what Unidos has',
      },
      preview: {
        summary: 'What the import will do',
        will_create: 'Will be added',
        will_update: 'Will be updated',
        will_skip: 'Will be skipped',
        invalid: 'Rows with problems',
        duplicates_update:
          '%{smart_count} row matches a record already in Unidos: it will be updated, not added again. |||| %{smart_count} rows match records already in Unidos: they will be updated, not added again.',
        duplicates_skip:
          '%{smart_count} row matches a record already in Unidos: it will be skipped. |||| %{smart_count} rows match records already in Unidos: they will be skipped.',
        invalid_title:
          '%{smart_count} row has a problem: nothing can be imported yet |||| %{smart_count} rows have problems: nothing can be imported yet',
        invalid_body:
          'A file imports all or nothing. Correct these rows in your file (first: row %{rows}) and upload it again, or change the columns if one went to the wrong field.',
        fix_file: 'Upload a corrected file',
        change_columns: 'Change the columns',
        problems_title: 'Rows to correct',
        row_hint: 'Row 1 is the first line under the column names (line 2 in a spreadsheet).',
        row: 'Row',
        column: 'Column',
        problem: 'Problem',
        value: 'Value in the file',
        field_and_column: '%{field} (column "%{column}")',
        page_of: '%{from}–%{to} of %{count}',
        page_first: 'First page of problems',
        page_last: 'Last page of problems',
        page_next: 'Next page of problems',
        page_previous: 'Previous page of problems',
        more_problems:
          'Only the first %{smart_count} problem is listed. Correct it and check again to see the rest. |||| Only the first %{smart_count} problems are listed. Correct them and check again to see the rest.',
        sample_title: 'The first rows, as Unidos reads them',
        outcome: 'Result',
        outcome_invalid: 'To correct (see above)',
        outcome_new: 'New',
        outcome_update: 'Already in Unidos: update',
        outcome_skip: 'Already in Unidos: skip',
        blocked_invalid: 'Correct every row with a problem first: the file imports all or nothing.',
        blocked_empty: 'The file has no rows to import.',
        run_blocked: 'Import',
        run: 'Import %{smart_count} row |||| Import %{smart_count} rows',
      },
      confirm: {
        title: {
          people: 'Import these people now?',
          organizations: 'Import these organizations now?',
          pledges: 'Import these pledges now?',
        },
        content:
          '%{created} will be added, %{updated} updated and %{skipped} skipped. The import runs in the background; if anything goes wrong, nothing is imported.',
        run: 'Import',
        cancel: 'Not yet',
      },
      progress: {
        label: 'Import progress',
        load_error: 'Could not find out how the import is going. Reload the page to try again.',
        waiting: 'Waiting to start…',
        running: '%{processed} of %{total} rows (%{percent}%)',
        saving: 'All %{total} rows read; saving them all at once…',
        never_run:
          'This file was uploaded and checked, but never imported: nothing of it is in Unidos. To import it, start again.',
        may_leave: 'You may leave this page: the import goes on, and the list of imports shows how it ended.',
        done_title: 'Import finished',
        done: '%{created} added, %{updated} updated, %{skipped} skipped.',
        see_people: 'See the people',
        see_organizations: 'See the organizations',
        see_pledges: 'See the pledges',
        failed_title: 'The import failed',
        nothing_imported: 'Nothing was imported: the file imports all or nothing.',
        reason: 'Reason: %{reason}',
        start_over: 'Start over',
      },
      status: {
        uploaded: 'Not imported',
        queued: 'Waiting',
        running: 'Importing',
        succeeded: 'Imported',
        failed: 'Failed',
      },
      kinds: {
        people: 'People',
        organizations: 'Organizations',
        pledges: 'Pledges',
      },
      outcome: '%{created} added · %{updated} updated · %{skipped} skipped',
      you: 'You',
      empty_title: 'No imports yet',
      empty_body_people:
        'Bring in the people your organization already works with: export a CSV file from your spreadsheet or other tool and import it here.',
      empty_body:
        'Bring in organizations or pledges from a CSV file exported from a spreadsheet or another tool.',
      fields: {
        people: {
          displayName: 'Name',
          email: 'Email',
          phone: 'Phone',
          preferredLanguage: 'Preferred language',
          role: 'Role',
          visibility: 'Visibility',
          okToText: 'OK to text',
          okToCall: 'OK to call',
          okToEmail: 'OK to email',
          signalOnly: 'Signal only',
          noVoicemail: 'No voicemail',
          note: 'Note',
        },
        organizations: {
          name: 'Name',
          kind: 'Kind',
          city: 'City',
          state: 'State',
          website: 'Website',
          publicEmail: 'Public email',
          publicPhone: 'Public phone',
          description: 'Description',
          focusAreas: 'Focus areas',
          languages: 'Languages',
          membershipStatus: 'Membership status',
          duesTier: 'Dues tier',
          duesPaidThrough: 'Dues paid through',
        },
        pledges: {
          campaign: 'Campaign',
          organization: 'Organization',
          metric: 'Metric',
          quantity: 'Quantity',
          dueOn: 'Due date',
          note: 'Note',
          demand: 'Demand (number)',
        },
      },
    },
  },
  resources: {
    imports: {
      name: 'Import |||| Imports',
      fields: {
        createdAt: 'When',
        kind: 'Records',
        filename: 'File',
        source: 'Source',
        status: 'Status',
        rowCount: 'Rows',
        outcome: 'Result',
        createdBy: 'By',
        startedAt: 'Started',
        finishedAt: 'Finished',
      },
    },
  },
};

/** The shape both import catalogs share. */
type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type ImportsMessages = Messages<typeof importsEn>;
