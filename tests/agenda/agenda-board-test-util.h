/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-store.h"

G_BEGIN_DECLS

/* The agenda-board tests' data (issue 15): two advisors, "Ana María Ortiz" (adv-ana) and
 * "Luis Hernández Peña" (adv-luis), Monday to Friday 08:00-18:00 with the break 14:00-15:00,
 * Saturday 08:00-13:00, slots of 30 minutes taking 2 cars; customer "Juan Pérez López"
 * (cust-juan, 5512345678) with veh-juan "Escape 2019 · ABC-123-D" at 35,000 km; on @monday:
 * Luis full at 09:00 (res-luis-1, res-luis-2), Ana at 09:00 (res-ana), and a web booking
 * without advisor at 11:00 (res-web, to confirm). */
#define AGENDA_TEST_ANA   "adv-ana"
#define AGENDA_TEST_LUIS  "adv-luis"

/* The Monday two weeks from today, yyyy-mm-dd: always in the future. */
char *agenda_test_monday (void);
void  agenda_test_fill   (GestStore  *store,
                          const char *monday);
/* The reservation's advisor, day and time as "adv-luis 2026-12-21 540". */
char *agenda_test_where  (GestStore  *store,
                          const char *uuid);

/* The model's refusal of Luis's full 09:00 on @monday, in full. */
char *agenda_test_full_message (const char *monday);

/* Keeps in @statements (char *) the SQL of each statement @store's connection runs from now
 * on, until agenda_test_record_statements (store, NULL): what a widget read on the UI thread. */
void  agenda_test_record_statements (GestStore *store,
                                     GPtrArray *statements);

G_END_DECLS
