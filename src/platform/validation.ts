import { z } from 'zod';

// Validation messages in Vietnamese for every zod schema in the process (HTTP edge and CLI alike).
// Imported for its effect by every entry point.
z.config(z.locales.vi());
