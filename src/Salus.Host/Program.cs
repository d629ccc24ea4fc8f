return await Salus.SalusApplication.RunAsync(args);
public partial class Program;
