/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale() and the gettext domain. Translations come from $GESTIONA_LOCALEDIR when set
 * (the build folder's po/, for running uninstalled), else the installed locale folder. */
void gest_i18n_init (void);

G_END_DECLS
