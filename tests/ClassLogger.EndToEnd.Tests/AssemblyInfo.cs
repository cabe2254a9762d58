// The end-to-end tests share one sample and one browser, and change the sample's data as they go: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
