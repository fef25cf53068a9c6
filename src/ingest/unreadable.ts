// Thrown by the ingesters with a one-line reason a user can act on; ingest()
// turns it into a VnplanError naming the file.
export class Unreadable extends Error {}
