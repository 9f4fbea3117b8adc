/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The postal codes of each of the 32 states (gest_states() in gest-contact.h): SEPOMEX gives
 * every state whole ranges of the codes' first two digits (Jalisco 44-49, Ciudad de México
 * 01-16). Whether @postal_code (5 digits, gest_postal_code_check()) belongs to the state of
 * @state_code ("JAL"); FALSE with a GEST_ERROR_INVALID that names both and the state's
 * range otherwise. An unknown state code is an error too. */
gboolean gest_state_postal_code_check (const char  *state_code,
                                       const char  *postal_code,
                                       GError     **error);

G_END_DECLS
