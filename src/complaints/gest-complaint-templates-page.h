/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The preferences page of the complaints' templates (the "in process" message, the answer
 * letters): listed by kind, each edited with the shared template editor; saving needs the
 * permission templates.edit and refuses unknown placeholders. For
 * create_preferences_pages of the complaints module. */
AdwPreferencesPage *gest_complaint_templates_page_new (GestContext *context);

G_END_DECLS
