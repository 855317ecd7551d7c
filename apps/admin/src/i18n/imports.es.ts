import type { ImportsMessages } from './imports.en';

/**
 * Spanish messages of the CSV import, with exactly the keys of `imports.en.ts` (the type and
 * `i18n.spec.ts` prove it).
 */
export const importsEs: ImportsMessages = {
  unidos: {
    imports: {
      import_csv: 'Importar CSV',
      import_kind: {
        people: 'Importar personas',
        organizations: 'Importar organizaciones',
        pledges: 'Importar compromisos',
      },
      title: {
        people: 'Importar personas',
        organizations: 'Importar organizaciones',
        pledges: 'Importar compromisos',
      },
      title_default: 'Importar un archivo CSV',
      not_allowed:
        'Tu rol no importa archivos. Pídeselo a una coordinadora o a la administración de la alianza.',
      show_title: 'Importación de %{name}',
      see_history: 'Ver todas las importaciones',
      back: 'Atrás',
      step_of: 'Paso %{step} de %{total}: %{name}',
      steps: {
        file: 'Elige el archivo',
        mapping: 'Relaciona las columnas',
        preview: 'Revisa',
        run: 'Importa',
      },
      file: {
        drop: 'Arrastra aquí un archivo CSV, o',
        choose: 'Elige un archivo',
        help: 'Un archivo .csv de hasta %{size}, con los nombres de las columnas en la primera línea.',
        chosen: '%{name} (%{size})',
        remove: 'Quitar %{name}',
        too_large:
          'Este archivo pesa %{size}; el límite es %{limit}. Divídelo en archivos más pequeños e impórtalos uno tras otro.',
        not_csv:
          'No parece un archivo CSV. Guárdalo como "CSV" desde tu hoja de cálculo y vuelve a elegirlo.',
        source: '¿De dónde viene este archivo?',
        source_help:
          'Por ejemplo "Exportación de Action Network" u "Hoja de inscripción". La próxima vez, un archivo del mismo lugar usará las mismas columnas.',
        next: 'Subir y continuar',
      },
      mapping: {
        intro:
          'Indica qué contiene cada columna de %{name} (%{smart_count} fila). Las columnas que dejes fuera no se importan. |||| Indica qué contiene cada columna de %{name} (%{smart_count} filas). Las columnas que dejes fuera no se importan.',
        from_saved: 'Son las opciones que guardaste para los archivos de "%{source}".',
        required: 'Obligatorio: %{fields}.',
        table: 'Columnas del archivo',
        column: 'Columna de tu archivo',
        example: 'Ejemplo del archivo',
        example_inline: 'p. ej. %{value}',
        no_example: '(vacía)',
        target: 'Importar como',
        target_for: 'Importar la columna "%{column}" como',
        twice: 'Otra columna también va a %{field}: deja solo una.',
        ignore: '— Dejar fuera —',
        required_option: '%{field} (obligatorio)',
        missing: 'Elige la columna que contiene: %{fields}.',
        save: 'Recordar estas opciones para los archivos de "%{source}"',
        save_no_source_label: 'Recordar estas opciones',
        save_no_source: 'Indica de dónde viene el archivo (paso 1) para recordarlas.',
        next: 'Revisar el archivo',
      },
      duplicates: {
        question: {
          people:
            'Cuando una fila es alguien que ya está en Unidos (mismo correo o teléfono que una persona de tu organización):',
          organizations: 'Cuando una fila es una organización que ya está en Unidos (mismo nombre):',
          pledges:
            'Cuando una fila es un compromiso que ya está en Unidos (misma campaña, organización, métrica y fecha límite):',
        },
        update: 'Actualizarlos con los datos del archivo',
        skip: 'Saltar esas filas y conservar lo que tiene Unidos',
      },
      preview: {
        summary: 'Lo que hará la importación',
        will_create: 'Se agregarán',
        will_update: 'Se actualizarán',
        will_skip: 'Se saltarán',
        invalid: 'Filas con problemas',
        duplicates_update:
          '%{smart_count} fila coincide con un registro que ya está en Unidos: se actualizará, no se agregará otra vez. |||| %{smart_count} filas coinciden con registros que ya están en Unidos: se actualizarán, no se agregarán otra vez.',
        duplicates_skip:
          '%{smart_count} fila coincide con un registro que ya está en Unidos: se saltará. |||| %{smart_count} filas coinciden con registros que ya están en Unidos: se saltarán.',
        invalid_title:
          '%{smart_count} fila tiene un problema: todavía no se puede importar nada |||| %{smart_count} filas tienen problemas: todavía no se puede importar nada',
        invalid_body:
          'Un archivo se importa entero o nada. Corrige estas filas en tu archivo (primero: fila %{rows}) y vuelve a subirlo, o cambia las columnas si alguna fue al campo equivocado.',
        fix_file: 'Subir un archivo corregido',
        change_columns: 'Cambiar las columnas',
        problems_title: 'Filas que corregir',
        row_hint:
          'La fila 1 es la primera línea bajo los nombres de las columnas (la línea 2 en una hoja de cálculo).',
        row: 'Fila',
        column: 'Columna',
        problem: 'Problema',
        value: 'Valor en el archivo',
        field_and_column: '%{field} (columna "%{column}")',
        page_of: '%{from}–%{to} de %{count}',
        page_first: 'Primera página de problemas',
        page_last: 'Última página de problemas',
        page_next: 'Página siguiente de problemas',
        page_previous: 'Página anterior de problemas',
        more_problems:
          'Solo se muestra el primer problema (%{smart_count}). Corrígelo y vuelve a revisar para ver el resto. |||| Solo se muestran los primeros %{smart_count} problemas. Corrígelos y vuelve a revisar para ver el resto.',
        sample_title: 'Las primeras filas, tal como las lee Unidos',
        outcome: 'Resultado',
        outcome_invalid: 'Por corregir (ver arriba)',
        outcome_new: 'Se agrega',
        outcome_update: 'Ya está en Unidos: se actualiza',
        outcome_skip: 'Ya está en Unidos: se salta',
        blocked_invalid: 'Corrige antes cada fila con problemas: el archivo se importa entero o nada.',
        blocked_empty: 'El archivo no tiene filas que importar.',
        run_blocked: 'Importar',
        run: 'Importar %{smart_count} fila |||| Importar %{smart_count} filas',
      },
      confirm: {
        title: {
          people: '¿Importar estas personas ahora?',
          organizations: '¿Importar estas organizaciones ahora?',
          pledges: '¿Importar estos compromisos ahora?',
        },
        content:
          'Se agregarán %{created}, se actualizarán %{updated} y se saltarán %{skipped}. La importación sigue en segundo plano; si algo sale mal, no se importa nada.',
        run: 'Importar',
        cancel: 'Todavía no',
      },
      progress: {
        label: 'Avance de la importación',
        load_error:
          'No se pudo saber cómo va la importación. Vuelve a cargar la página para intentarlo de nuevo.',
        waiting: 'Esperando para empezar…',
        running: '%{processed} de %{total} filas (%{percent}%)',
        saving: 'Leídas las %{total} filas; guardándolas todas a la vez…',
        never_run:
          'Este archivo se subió y se revisó, pero nunca se importó: nada de él está en Unidos. Para importarlo, empieza de nuevo.',
        may_leave:
          'Puedes salir de esta página: la importación continúa, y la lista de importaciones muestra cómo terminó.',
        done_title: 'Importación terminada',
        done: 'Se agregaron %{created}, se actualizaron %{updated} y se saltaron %{skipped}.',
        see_people: 'Ver las personas',
        see_organizations: 'Ver las organizaciones',
        see_pledges: 'Ver los compromisos',
        failed_title: 'La importación falló',
        nothing_imported: 'No se importó nada: el archivo se importa entero o nada.',
        reason: 'Motivo: %{reason}',
        start_over: 'Empezar de nuevo',
      },
      status: {
        uploaded: 'Sin importar',
        queued: 'En espera',
        running: 'Importando',
        succeeded: 'Importada',
        failed: 'Falló',
      },
      kinds: {
        people: 'Personas',
        organizations: 'Organizaciones',
        pledges: 'Compromisos',
      },
      outcome: 'Se agregaron %{created} · se actualizaron %{updated} · se saltaron %{skipped}',
      you: 'Tú',
      empty_title: 'Todavía no hay importaciones',
      empty_body_people:
        'Trae a las personas con las que tu organización ya trabaja: exporta un archivo CSV de tu hoja de cálculo u otra herramienta e impórtalo aquí.',
      empty_body:
        'Trae organizaciones o compromisos desde un archivo CSV exportado de una hoja de cálculo u otra herramienta.',
      fields: {
        people: {
          displayName: 'Nombre',
          email: 'Correo electrónico',
          phone: 'Teléfono',
          preferredLanguage: 'Idioma preferido',
          role: 'Rol',
          visibility: 'Visibilidad',
          okToText: 'Acepta mensajes de texto',
          okToCall: 'Acepta llamadas',
          okToEmail: 'Acepta correos',
          signalOnly: 'Solo Signal',
          noVoicemail: 'Sin mensajes de voz',
          note: 'Nota',
        },
        organizations: {
          name: 'Nombre',
          kind: 'Tipo',
          city: 'Ciudad',
          state: 'Estado',
          website: 'Sitio web',
          publicEmail: 'Correo electrónico público',
          publicPhone: 'Teléfono público',
          description: 'Descripción',
          focusAreas: 'Áreas de trabajo',
          languages: 'Idiomas',
          membershipStatus: 'Estado de membresía',
          duesTier: 'Nivel de cuotas',
          duesPaidThrough: 'Cuotas pagadas hasta',
        },
        pledges: {
          campaign: 'Campaña',
          organization: 'Organización',
          metric: 'Métrica',
          quantity: 'Cantidad',
          dueOn: 'Fecha límite',
          note: 'Nota',
          demand: 'Demanda (número)',
        },
      },
    },
  },
  resources: {
    imports: {
      name: 'Importación |||| Importaciones',
      fields: {
        createdAt: 'Cuándo',
        kind: 'Registros',
        filename: 'Archivo',
        source: 'Origen',
        status: 'Estado',
        rowCount: 'Filas',
        outcome: 'Resultado',
        createdBy: 'Por',
        startedAt: 'Empezó',
        finishedAt: 'Terminó',
      },
    },
  },
};
