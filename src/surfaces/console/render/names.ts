export const day = (date: Date) => date.toISOString().slice(0, 10);
