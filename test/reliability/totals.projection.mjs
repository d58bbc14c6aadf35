// A read model that counts with $inc: folding any event twice, or losing one, shows in its totals.
export const totalsProjection = {
  name: 'totals',
  collections: [{ name: 'totals' }],
  project: (event) => [
    { collection: 'totals', updateOne: { filter: { _id: event.stream }, update: { $inc: { amount: event.data.amount, events: 1 } }, upsert: true } },
  ],
};
