/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-agenda-schedule.h"
#include "gest-reservation.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* A database with two advisors ("adv-luis" Luis Hernández Peña, "adv-maria" María Ruiz Ortega:
 * Monday to Friday 08:00-18:00, break 14:00-15:00, Saturday 08:00-13:00, slots of 30 minutes
 * for 2 vehicles), a customer "cust-1" (Ana Ruiz Soto) with vehicle "veh-1" (Escape 2019,
 * ABC-123-D, 35,000 km) and "cust-2"/"veh-2" (Juan Pérez López, Ranger 2022, 12,000 km), the
 * service coordinator signed in. */
typedef struct
{
  char      *dir;
  GestStore *store;
} AgendaFixture;

void     agenda_fixture_setup    (AgendaFixture *f,
                                  gconstpointer  data);
void     agenda_fixture_teardown (AgendaFixture *f,
                                  gconstpointer  data);
void     agenda_exec             (GestStore     *store,
                                  const char    *sql);
/* The Monday @weeks weeks after the next one (yyyy-mm-dd, new): always in the future, never
 * a holiday the tests meet (checked). */
char    *agenda_monday           (GestStore     *store,
                                  int            weeks);
/* @iso + @days (yyyy-mm-dd, new). */
char    *agenda_add_days         (const char    *iso,
                                  int            days);
/* The moment of @day at @minute in the dealer's zone. */
gint64   agenda_at               (const char    *day,
                                  int            minute);
/* Books veh-1 (or @vehicle) with @advisor on @day at @minute; asserts it was booked. */
char    *agenda_book             (GestStore     *store,
                                  const char    *advisor,
                                  const char    *day,
                                  int            minute);
/* The same, returning NULL with @error when refused. */
char    *agenda_try_book         (GestStore     *store,
                                  const char    *vehicle,
                                  const char    *advisor,
                                  const char    *day,
                                  int            minute,
                                  GError       **error);
/* A web booking as the sync brings it: to-confirm, no advisor unless given, confirm_by. */
char    *agenda_web_booking      (GestStore     *store,
                                  const char    *advisor,
                                  const char    *day,
                                  int            minute,
                                  const char    *confirm_by);
char    *agenda_state_of         (GestStore     *store,
                                  const char    *uuid);

G_END_DECLS
