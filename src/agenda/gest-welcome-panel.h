/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The reception's welcome panel (S12; issue 15; `gestiona --welcome-panel`): a dark,
 * full-screen window with the dealer's name, a clock, and today's arrivals by time in large
 * type: the time, "Juan P." and the advisor's first name, nothing else
 * (gest-agenda-welcome.h says why). Nobody signs in; it reads the database at its path with
 * its own read-only connection on a thread every 30 seconds. */
#define GEST_TYPE_WELCOME_PANEL (gest_welcome_panel_get_type ())
G_DECLARE_FINAL_TYPE (GestWelcomePanel, gest_welcome_panel, GEST, WELCOME_PANEL, AdwApplicationWindow)

#define GEST_WELCOME_PANEL_REFRESH_SECONDS 30

/* @app may be NULL (tests). */
GtkWindow *gest_welcome_panel_new          (GtkApplication   *app,
                                            const char       *db_path);
/* Loads now (besides the timer). */
void       gest_welcome_panel_refresh      (GestWelcomePanel *self);
/* Another period than GEST_WELCOME_PANEL_REFRESH_SECONDS (tests). */
void       gest_welcome_panel_set_interval (GestWelcomePanel *self,
                                            guint             seconds);
/* How many loads have been shown ("refreshed" is emitted after each). */
guint      gest_welcome_panel_get_n_loads  (GestWelcomePanel *self);
/* The last load's error, or NULL. */
const char *gest_welcome_panel_get_error   (GestWelcomePanel *self);

G_END_DECLS
