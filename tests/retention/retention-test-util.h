/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The retention tests' fixture: a fresh store with a customer (cust-1, phone 5512345678), a
 * vehicle (veh-1, VIN 1FTFW1E50NFA00001) of theirs, modules registered, signed in as the
 * service coordinator. */
typedef struct
{
  char      *dir;
  GestStore *store;
} RetentionFixture;

void   retention_fixture_setup    (RetentionFixture *f,
                                   gconstpointer     data);
void   retention_fixture_teardown (RetentionFixture *f,
                                   gconstpointer     data);
void   retention_exec             (GestStore        *store,
                                   const char       *sql);
/* @hour:@minute of @year-@month-@day in the dealer's time zone, unix µs. */
gint64 retention_at               (int year,
                                   int month,
                                   int day,
                                   int hour,
                                   int minute);
/* Whether the queue of @now holds (@source, @record_uuid); its item's attempts in @out_attempts. */
gboolean retention_queue_has      (GestStore        *store,
                                   gint64            now,
                                   const char       *source,
                                   const char       *record_uuid,
                                   guint            *out_attempts);

G_END_DECLS
