return await Salus.SalusApplication.RunAsync(args);
