// pdfkit 0.20 ships no types; the fixture script uses a handful of its calls.
declare module "pdfkit";
