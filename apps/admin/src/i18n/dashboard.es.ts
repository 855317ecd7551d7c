import type { DashboardMessages } from './dashboard.en';

/**
 * Spanish messages of the dashboard, with exactly the keys of `dashboard.en.ts` (the type and
 * `i18n.spec.ts` prove it).
 */
export const dashboardEs: DashboardMessages = {
  unidos: {
    dashboard: {
      alliance_title: 'Panel de la coalición',
      organization_title: 'Panel de %{name}',
      load_error: 'No se pudo cargar el panel.',
      retry: 'Reintentar',
      loading_section: 'Cargando…',
      see_all: 'Ver todo',
      members: {
        title: 'Organizaciones miembro',
        by_status: 'Por estado de membresía',
      },
      map: {
        title: 'Organizaciones miembro activas por estado',
        label:
          'Mapa de Estados Unidos: organizaciones miembro activas por estado. Elija un estado para abrir el directorio filtrado por ese estado.',
        state:
          '%{state}: %{smart_count} organización miembro |||| %{state}: %{smart_count} organizaciones miembro',
        state_applicants: '%{smart_count} solicitud pendiente |||| %{smart_count} solicitudes pendientes',
        legend: 'Organizaciones miembro activas',
        legend_none: 'Ninguna',
        hint: 'Elija un estado para abrir el directorio filtrado por ese estado.',
        show_table: 'Ver como tabla',
        hide_table: 'Ocultar la tabla',
        table_caption: 'Organizaciones miembro por estado',
        state_column: 'Estado',
        active_column: 'Miembros activos',
        applicant_column: 'Solicitudes pendientes',
        outside: 'Fuera del mapa (territorios): vea la tabla.',
        loading: 'Cargando el mapa…',
      },
      pending: {
        title: 'Solicitudes en espera',
        count:
          '%{smart_count} solicitud en espera de revisión |||| %{smart_count} solicitudes en espera de revisión',
        none: 'No hay solicitudes en espera.',
        applied: 'Solicitó el %{date}',
        review: 'Revisar las solicitudes',
      },
      campaigns: {
        title: 'Avance de las campañas',
        endorsed_title: 'Campañas que respaldamos',
        none: 'No hay campañas activas.',
        none_endorsed: 'Su organización todavía no respalda ninguna campaña.',
        no_goals: 'Esta campaña todavía no tiene metas.',
        pledged: 'Comprometido',
        reported: 'Reportado',
        goal_summary: 'Comprometido %{pledged} · reportado %{reported} de %{target} %{unit}',
        goal_summary_no_target: 'Comprometido %{pledged} · reportado %{reported} %{unit} (sin meta)',
        bar_label: '%{metric}: %{kind} %{value} de %{target}',
        open: 'Abrir %{name}',
      },
      pledges: {
        overdue_title: 'Compromisos vencidos',
        due_title: 'Compromisos que vencen esta semana',
        open_title: 'Nuestros compromisos abiertos',
        overdue_count: '%{smart_count} compromiso vencido |||| %{smart_count} compromisos vencidos',
        due_count:
          '%{smart_count} compromiso vence en los próximos 7 días |||| %{smart_count} compromisos vencen en los próximos 7 días',
        none_overdue: 'Ningún compromiso está vencido.',
        none_due: 'Ningún compromiso vence esta semana.',
        none_open: 'Su organización no tiene compromisos abiertos.',
        progress: '%{reported} de %{quantity} %{unit} (%{percent})',
        due_on: 'Vence el %{date}',
        no_due_date: 'Sin fecha límite',
        overdue: 'Vencido',
        progress_label: 'Avance del compromiso de %{name}',
      },
      events: {
        title: 'Próximos eventos (14 días)',
        our_title: 'Nuestros próximos eventos',
        none: 'No hay eventos publicados en los próximos 14 días.',
        none_ours: 'Su organización no coorganiza ningún evento próximo.',
        going_vs_goal: '%{going} asistirán, de una meta de %{goal}',
        going_no_goal: '%{going} asistirán (sin meta de asistencia)',
        our_going_vs_goal: 'Tenemos %{going} que asistirán, de nuestra meta de %{goal}',
        our_going_no_goal: 'Tenemos %{going} que asistirán (no fijamos meta)',
        all_hosts: 'Todas las organizaciones anfitrionas: %{going} de %{goal}',
        capacity: 'Cupo %{capacity}',
        turnout_label: 'Asistencia de %{title}',
        host_status: {
          invited: 'Invitación a coorganizar sin responder',
          accepted: 'Coorganizamos',
          declined: 'Rechazamos coorganizar',
        },
      },
      dues: {
        title: 'Cuotas por vencer',
        none: 'Ninguna cuota vence en los próximos 30 días.',
        paid_through: 'Pagada hasta el %{date}',
        never_paid: 'Todavía sin cuotas pagadas',
        lapsed: 'Vencida',
      },
      activity: {
        title: 'Actividad reciente',
        none: 'Todavía no hay nada registrado.',
        system: 'Sistema',
        open_log: 'Abrir el registro de auditoría',
      },
      our_people: {
        by_role: 'Por función',
        by_language: 'Por idioma',
        none: 'Todavía no hay personas registradas.',
      },
      contributions: {
        title: 'Nuestra parte de los totales de la coalición',
        none: 'Su organización todavía no ha reportado avances.',
        sentence: 'Reportamos %{ours} de los %{total} %{unit} de la coalición',
        share: '%{percent} de lo que reportó la coalición',
        target: 'Meta de la coalición: %{target}',
      },
      charts: {
        title: 'Gráficas',
        loading: 'Cargando la gráfica…',
        error: 'No se pudo cargar la gráfica.',
        no_data: 'Todavía no hay números que mostrar.',
        show_table: 'Ver como tabla',
        hide_table: 'Ocultar la tabla',
        download_csv: 'Descargar CSV',
        download_csv_of: 'Descargar CSV: %{title}',
        progress: {
          title: 'Avance reportado en el tiempo',
          campaign: 'Campaña',
          metric: 'Meta',
          caption:
            'Gráfica de líneas: avance reportado en %{metric} para %{campaign}, acumulado semana a semana.',
          week: 'Semana del',
          total: 'Reportado hasta entonces',
          no_campaign: 'Todavía no hay campañas que graficar.',
        },
        attendance: {
          title: 'Asistencia por evento (últimos 6 meses)',
          caption:
            'Gráfica de barras: para cada evento de los últimos 6 meses, personas contadas en la entrada y asistencia reportada por las organizaciones anfitrionas.',
          event: 'Evento',
          date: 'Fecha',
          counted: 'Contadas en la entrada',
          reported: 'Reportada por anfitrionas',
        },
        new_members: {
          title: 'Nuevas organizaciones miembro por mes',
          caption: 'Gráfica de barras: organizaciones miembro aprobadas cada mes en los últimos 24 meses.',
          month: 'Mes',
          count: 'Nuevas organizaciones miembro',
        },
      },
    },
  },
};
