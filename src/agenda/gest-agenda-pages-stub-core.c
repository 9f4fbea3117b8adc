/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUB of agenda-pages (issue 15), beside agenda-board's gest-agenda-board-stub.c (which
 * has the functions both call): compiled only while wip-agenda-core's implementation is not merged into wip-agenda-pages
 * (src/agenda/meson.build checks for its file). Deleted when they are. Every function
 * refuses. */
#define G_LOG_DOMAIN "gest-agenda-stub"

#include "config.h"

#include "gest-agenda-mail.h"
#include "gest-agenda-schedule.h"
#include "gest-error.h"
#include "gest-reservation.h"
#include "gest-tech-session.h"
#include "gest-test-drive.h"

#define STUB_FAIL(ret) G_STMT_START { g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, "not merged yet"); return ret; } G_STMT_END

gboolean gest_reservation_set_state (GestStore *s, const char *u, GestReservationState st, GError **error) { STUB_FAIL (FALSE); }
gboolean gest_reservation_confirm (GestStore *s, const char *u, const char *a, gboolean e, GError **error) { STUB_FAIL (FALSE); }
gboolean gest_reservation_refuse (GestStore *s, const char *u, const char *r, gboolean f, GError **error) { STUB_FAIL (FALSE); }
gboolean gest_reservation_cancel (GestStore *s, const char *u, const char *r, GError **error) { STUB_FAIL (FALSE); }
gboolean gest_reservation_arrive (GestStore *s, const char *u, gint64 at, int km, GError **error) { STUB_FAIL (FALSE); }
gboolean gest_reservation_no_show (GestStore *s, const char *u, const char *r, gint64 n, GError **error) { STUB_FAIL (FALSE); }
gboolean gest_agenda_schedule_set (GestStore *s, const GestAgendaSchedule *sc, GError **error) { STUB_FAIL (FALSE); }
gboolean gest_agenda_schedule_clear (GestStore *s, const char *a, int w, GError **error) { STUB_FAIL (FALSE); }
char *gest_agenda_block_add (GestStore *s, const char *a, const char *d, int st, int en, const char *r, GError **error) { STUB_FAIL (NULL); }
gboolean gest_agenda_block_remove (GestStore *s, const char *u, GError **error) { STUB_FAIL (FALSE); }
