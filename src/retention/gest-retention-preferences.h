/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The preferences of Contacto proactivo: the texts (call scripts, the letter and the email
 * after the fifth failed attempt, S6 and S15) with the shared template editor, and the
 * dealer's promotions (title, text, days valid) told in calls and letters. Each function
 * returns a floating AdwPreferencesPage. */
AdwPreferencesPage *gest_retention_templates_page_new  (GestContext *context);
AdwPreferencesPage *gest_retention_promotions_page_new (GestContext *context);

G_END_DECLS
