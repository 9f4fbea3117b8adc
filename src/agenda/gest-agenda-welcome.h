/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* What the reception's welcome panel shows (S12; issue 15): today's reservations from 30
 * minutes before @now onward, not refused, cancelled or a no-show (stored, or confirmed and
 * past the grace period), by time. Only the time, the customer's first name with the initial
 * of the first surname ("Juan P.") and the advisor's first name: the screen faces the
 * showroom, so no plate, model, phone or service. GLib only: the panel loads it on a thread
 * with a read-only connection. */

#define GEST_AGENDA_WELCOME_PAST_MIN 30

typedef struct
{
  int   starts_min;
  char *name;       /* "Juan P." */
  char *advisor;    /* "Luis", "" when not assigned */
} GestWelcomeEntry;

void       gest_welcome_entry_free  (GestWelcomeEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestWelcomeEntry, gest_welcome_entry_free)

/* Element type GestWelcomeEntry. */
GPtrArray *gest_agenda_welcome_list (GestStore   *store,
                                     gint64       now,
                                     GError     **error);

G_END_DECLS
