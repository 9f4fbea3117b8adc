/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-agenda-schedule.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* The agenda's preferences as typed (issue 15), checked without a display: the rules (the
 * settings below) and one advisor's hours on one weekday. */

typedef enum
{
  GEST_AGENDA_RULE_CONFIRM_CUTOFF,   /* agenda.confirm_cutoff "17:00" (S7) */
  GEST_AGENDA_RULE_GRACE,            /* agenda.no_show_grace_minutes "30" (S14) */
  GEST_AGENDA_RULE_NEXT_DAY_HOUR,    /* agenda.next_day_hour "16:00" (S13) */
  GEST_AGENDA_RULE_SESSIONS_START,   /* agenda.sessions_start "09:00" (S9) */
  GEST_AGENDA_RULE_SESSIONS_END,     /* agenda.sessions_end "18:00" */
  GEST_AGENDA_RULE_SESSIONS_MINUTES, /* agenda.sessions_minutes "30" */
  GEST_AGENDA_N_RULES
} GestAgendaRule;

const char *gest_agenda_rule_key     (GestAgendaRule  rule);
const char *gest_agenda_rule_default (GestAgendaRule  rule);

/* The first rule in error (or -1) and its message, translated, in @out_message. The texts
 * are trimmed; times "hh:mm", minutes whole numbers. */
int         gest_agenda_rules_check  (const char * const  texts[GEST_AGENDA_N_RULES],
                                      char              **out_message);

/* One weekday's hours as typed: @hours "08:00-18:00", @break_text "14:00-15:00" or "" (no
 * break), @slot minutes, @capacity cars per slot. FALSE with a message naming the field; else
 * @out filled (its strings left alone). */
gboolean    gest_agenda_hours_parse  (const char          *hours,
                                      const char          *break_text,
                                      const char          *slot,
                                      const char          *capacity,
                                      GestAgendaSchedule  *out,
                                      char               **out_message);
/* "08:00-18:00 · break 14:00-15:00 · 30 min · 2 per slot" */
char       *gest_agenda_hours_text   (const GestAgendaSchedule *schedule);

/* One blocked time as the preferences list it. */
typedef struct
{
  char *uuid;
  char *advisor_name;
  char *day;                /* yyyy-mm-dd */
  int   starts_min;
  int   ends_min;
  char *reason;
} GestAgendaBlockRow;

/* Everything the preferences page shows, read at once (in the page's thread). */
typedef struct
{
  char      *rules[GEST_AGENDA_N_RULES];  /* as stored, or the default */
  GPtrArray *advisors;                    /* GestAgendaSchedule: advisor_uuid and advisor_name */
  GPtrArray *schedules;                   /* GestAgendaSchedule: every advisor, every weekday */
  GPtrArray *blocks;                      /* GestAgendaBlockRow from @today on, by time, at most 200 */
} GestAgendaPrefsData;

GestAgendaPrefsData *gest_agenda_prefs_data_load (GestStore            *store,
                                                  const char           *today,
                                                  GError              **error);
void                 gest_agenda_prefs_data_free (GestAgendaPrefsData  *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAgendaPrefsData, gest_agenda_prefs_data_free)

G_END_DECLS
